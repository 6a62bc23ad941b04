/** Entry of agent.html: starts the agent page on this document. @module */
import { startAgentPage } from './agent-page.js';

startAgentPage();
