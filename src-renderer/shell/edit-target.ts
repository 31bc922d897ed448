// Where an Edit menu command (Undo, Redo, Cut, Copy, Paste, Delete, Select All) applies: the text
// field that has (or, when the menu bar took the focus, last had) the focus edits its own text; the
// policy editor runs Monaco's own action; anywhere else the command edits the design. Exactly one
// of the three happens, so Edit ▸ Undo in a field never also undoes a design edit.

import type { MenuCommand, NativeEditAction } from '../../shared/host/api';

const editActions: Partial<Record<MenuCommand, NativeEditAction>> = {
  'edit.undo': 'undo',
  'edit.redo': 'redo',
  'edit.cut': 'cut',
  'edit.copy': 'copy',
  'edit.paste': 'paste',
  'edit.delete': 'delete',
  'edit.selectAll': 'selectAll',
};

/** The text editing action of an Edit menu command, or undefined for other commands. */
export function editActionOf(command: MenuCommand): NativeEditAction | undefined {
  return editActions[command];
}

/** The few members of a DOM element the decision reads (real elements fit this shape). */
export interface FocusableElement {
  tagName: string;
  isContentEditable: boolean;
  isConnected: boolean;
  closest(selector: string): unknown;
}

export type EditTarget<E extends FocusableElement = FocusableElement> =
  { kind: 'text'; element: E } | { kind: 'policyEditor'; element: E } | { kind: 'design' };

/** Browser mode's menu bar: taking the focus there must not change where edits go. */
export const MENU_BAR_SELECTOR = '[role="menubar"]';
/** Monaco's own text input lives inside this element (its find widget's inputs are plain fields). */
const MONACO_SELECTOR = '.monaco-editor';
const textInputTypes = new Set(['', 'text', 'search', 'url', 'tel', 'email', 'password', 'number']);

function isTextField(element: FocusableElement): boolean {
  if (element.isContentEditable || element.tagName === 'TEXTAREA') return true;
  if (element.tagName !== 'INPUT') return false;
  const type = (element as { type?: unknown }).type;
  return typeof type !== 'string' || textInputTypes.has(type.toLowerCase());
}

/** Where an edit command applies when `element` has the focus (undefined: nothing focused). */
export function editTargetOf<E extends FocusableElement>(element: E | null | undefined): EditTarget<E> {
  if (!element || !element.isConnected) return { kind: 'design' };
  if (element.closest(MONACO_SELECTOR) && element.tagName !== 'INPUT')
    return { kind: 'policyEditor', element };
  if (isTextField(element)) return { kind: 'text', element };
  return { kind: 'design' };
}

/** How each kind of target performs an edit (the page's real ones are in app-commands.ts). */
export interface EditPerformers<E> {
  /** The focused field's own editing (its undo history, the clipboard). */
  native(action: NativeEditAction, element: E): void;
  /** Monaco's action in the policy editor. */
  policyEditor(action: NativeEditAction, element: E): void;
}

/**
 * Runs an Edit menu command in its target. Returns true when a text field or the policy editor took
 * it; false when the command is the design's to run.
 */
export function editInTarget<E extends FocusableElement>(
  command: MenuCommand,
  target: EditTarget<E>,
  performers: EditPerformers<E>,
): boolean {
  const action = editActionOf(command);
  if (action === undefined || target.kind === 'design') return false;
  if (target.kind === 'text') performers.native(action, target.element);
  else performers.policyEditor(action, target.element);
  return true;
}

function inMenuBar(target: unknown): boolean {
  return (
    typeof target === 'object' &&
    target !== null &&
    typeof (target as FocusableElement).closest === 'function' &&
    Boolean((target as FocusableElement).closest(MENU_BAR_SELECTOR))
  );
}

/** The focus events the tracker listens to (real `focusin` / `focusout` events fit this shape). */
export interface FocusEventLike {
  target: unknown;
  relatedTarget?: unknown;
}

/**
 * Remembers the element that had the focus before the menu bar took it. Clicking or tabbing into
 * browser mode's menu bar moves the focus away from the field the user was editing; moves into,
 * inside and out of the menu bar are ignored, every other move is followed, and leaving the focus
 * to nothing (a click on the canvas) forgets the field.
 */
export function createFocusMemory<E extends FocusableElement>() {
  let remembered: E | null = null;
  return {
    onFocusIn(event: FocusEventLike): void {
      if (inMenuBar(event.target)) return;
      remembered = event.target as E;
    },
    onFocusOut(event: FocusEventLike): void {
      if (inMenuBar(event.target) || inMenuBar(event.relatedTarget)) return;
      if (!event.relatedTarget) remembered = null;
    },
    /** The element edits apply to: the focused one, or the remembered one while the menu bar has it. */
    editingElement(active: E | null): E | null {
      if (active && !inMenuBar(active) && active.tagName !== 'BODY') return active;
      return remembered?.isConnected ? remembered : null;
    },
  };
}

const memory = createFocusMemory<HTMLElement>();

/** Starts following the focus in the page; returns the function that stops it. */
export function startEditFocusTracking(): () => void {
  const focusIn = (event: FocusEvent): void => memory.onFocusIn(event);
  const focusOut = (event: FocusEvent): void => memory.onFocusOut(event);
  document.addEventListener('focusin', focusIn);
  document.addEventListener('focusout', focusOut);
  return () => {
    document.removeEventListener('focusin', focusIn);
    document.removeEventListener('focusout', focusOut);
  };
}

/** Where an edit command applies right now in the page. */
export function currentEditTarget(): EditTarget<HTMLElement> {
  if (typeof document === 'undefined') return { kind: 'design' };
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  return editTargetOf(memory.editingElement(active));
}
