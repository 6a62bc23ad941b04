/**
 * Registers `<opencti-call-control-panel>`: one script tag makes the panel available to any page.
 * ```html
 * <script type="module" src="/desktop/panel/define.js"></script>
 * ```
 * @module
 */
import { CallControlPanelElement } from './call-control-panel.js';

CallControlPanelElement.define();

export { CallControlPanelElement };
export { panelModel, BUTTON_NAMES } from './panel-model.js';
