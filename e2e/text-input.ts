import type { Locator } from '@playwright/test';

/**
 * Puts long text into a text box the way a paste does, in one step: sets its value and dispatches
 * the `input` event (inputType 'insertFromPaste') that the page listens to. Playwright's fill()
 * inserts text in a way that took 17.7 s for 2,000 lines in Chromium, where a real paste takes
 * about 130 ms; use this for anything longer than a line or two, and for hostile inputs such as a
 * million characters. Focus ends in the box.
 */
export async function pasteText(box: Locator, text: string): Promise<void> {
  await box.evaluate((element, value) => {
    const field = element as HTMLTextAreaElement | HTMLInputElement;
    field.focus();
    // The prototype's setter, as a paste sets it (a framework may wrap the element's own).
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
    if (setter) setter.call(field, value);
    else field.value = value;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

/**
 * A real paste: puts `text` on the clipboard and presses Ctrl+V (Cmd+V on a Mac) in the box, so the
 * page gets its `paste` event, as when a reader pastes. Needs the clipboard permissions:
 * `context.grantPermissions(['clipboard-read', 'clipboard-write'])`.
 */
export async function pasteFromClipboard(box: Locator, text: string): Promise<void> {
  await box.page().evaluate((value) => navigator.clipboard.writeText(value), text);
  await box.focus();
  await box.page().keyboard.press('ControlOrMeta+V');
}
