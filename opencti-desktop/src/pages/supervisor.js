/** Entry of supervisor.html: starts the supervisor page on this document. @module */
import { startSupervisorPage } from './supervisor-page.js';

startSupervisorPage();
