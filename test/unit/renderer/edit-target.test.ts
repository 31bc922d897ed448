import { describe, expect, it } from 'vitest';
import type { MenuCommand, NativeEditAction } from '../../../shared/host/api';
import {
  createFocusMemory,
  editInTarget,
  editTargetOf,
  type FocusableElement,
} from '../../../src-renderer/shell/edit-target';

/** A stand-in for a DOM element: its tag, type and the selectors its ancestors match. */
interface FakeElement extends FocusableElement {
  name: string;
}

function element(
  name: string,
  tagName: string,
  options: { type?: string; editable?: boolean; inside?: string[]; connected?: boolean } = {},
): FakeElement {
  return {
    name,
    tagName,
    ...(options.type === undefined ? {} : { type: options.type }),
    isContentEditable: options.editable ?? false,
    isConnected: options.connected ?? true,
    closest: (selector: string) => ((options.inside ?? []).includes(selector) ? {} : null),
  };
}

const inspectorField = element('inspector name', 'INPUT', { type: 'text' });
const notes = element('notes', 'TEXTAREA');
const richText = element('rich text', 'DIV', { editable: true });
const monacoInput = element('monaco input', 'TEXTAREA', { inside: ['.monaco-editor'] });
const monacoEditContext = element('monaco edit context', 'DIV', {
  editable: true,
  inside: ['.monaco-editor'],
});
const monacoFind = element('monaco find field', 'INPUT', { type: 'text', inside: ['.monaco-editor'] });
const canvasNode = element('canvas node', 'DIV');
const checkbox = element('checkbox', 'INPUT', { type: 'checkbox' });
const select = element('select', 'SELECT');
const menuItem = element('Edit ▸ Undo', 'BUTTON', { inside: ['[role="menubar"]'] });
const body = element('body', 'BODY');

function run(command: MenuCommand, focused: FakeElement | null) {
  const calls: Array<[string, NativeEditAction, string]> = [];
  const handled = editInTarget(command, editTargetOf(focused), {
    native: (action, target) => calls.push(['native', action, target.name]),
    policyEditor: (action, target) => calls.push(['monaco', action, target.name]),
  });
  return { handled, calls };
}

describe('where an Edit menu command applies', () => {
  it('edits a focused text field natively and leaves the design alone', () => {
    for (const field of [inspectorField, notes, richText, element('search', 'INPUT', { type: 'search' })]) {
      expect(run('edit.undo', field)).toEqual({ handled: true, calls: [['native', 'undo', field.name]] });
    }
    expect(run('edit.paste', inspectorField).calls).toEqual([['native', 'paste', 'inspector name']]);
    expect(run('edit.selectAll', notes).calls).toEqual([['native', 'selectAll', 'notes']]);
  });

  it("runs Monaco's own action when the policy editor has the focus", () => {
    expect(run('edit.undo', monacoInput)).toEqual({
      handled: true,
      calls: [['monaco', 'undo', 'monaco input']],
    });
    expect(run('edit.redo', monacoEditContext).calls).toEqual([['monaco', 'redo', 'monaco edit context']]);
    expect(run('edit.cut', monacoInput).calls).toEqual([['monaco', 'cut', 'monaco input']]);
    // Monaco's find widget is a plain field: its text is edited natively.
    expect(run('edit.undo', monacoFind).calls).toEqual([['native', 'undo', 'monaco find field']]);
  });

  it('leaves the command to the design anywhere else', () => {
    for (const focused of [canvasNode, checkbox, select, body, null]) {
      expect(run('edit.undo', focused)).toEqual({ handled: false, calls: [] });
    }
    expect(run('edit.delete', element('gone', 'INPUT', { connected: false }))).toEqual({
      handled: false,
      calls: [],
    });
  });

  it('never takes commands other than Edit ones, even in a field', () => {
    expect(run('file.save', inspectorField)).toEqual({ handled: false, calls: [] });
    expect(run('view.fit', monacoInput)).toEqual({ handled: false, calls: [] });
  });
});

describe('the focus the menu bar took', () => {
  it('is given back to the field edited before the menu bar was clicked', () => {
    const memory = createFocusMemory<FakeElement>();
    memory.onFocusIn({ target: inspectorField, relatedTarget: null });
    // Clicking Edit, then Undo: the focus moves into the menu bar and between its buttons.
    memory.onFocusOut({ target: inspectorField, relatedTarget: menuItem });
    memory.onFocusIn({ target: menuItem, relatedTarget: inspectorField });
    memory.onFocusOut({ target: menuItem, relatedTarget: null });
    expect(memory.editingElement(menuItem)?.name).toBe('inspector name');
    expect(memory.editingElement(body)?.name).toBe('inspector name');
    expect(run('edit.undo', memory.editingElement(menuItem)).calls).toEqual([
      ['native', 'undo', 'inspector name'],
    ]);
  });

  it('is the policy editor when that was focused last', () => {
    const memory = createFocusMemory<FakeElement>();
    memory.onFocusIn({ target: monacoInput });
    memory.onFocusOut({ target: monacoInput, relatedTarget: menuItem });
    memory.onFocusIn({ target: menuItem });
    expect(run('edit.redo', memory.editingElement(menuItem)).calls).toEqual([
      ['monaco', 'redo', 'monaco input'],
    ]);
  });

  it('forgets the field once the user focused elsewhere or clicked the canvas', () => {
    const memory = createFocusMemory<FakeElement>();
    memory.onFocusIn({ target: inspectorField });
    memory.onFocusOut({ target: inspectorField, relatedTarget: canvasNode });
    memory.onFocusIn({ target: canvasNode, relatedTarget: inspectorField });
    expect(run('edit.undo', memory.editingElement(menuItem))).toEqual({ handled: false, calls: [] });

    memory.onFocusIn({ target: notes });
    // A click on the canvas background leaves the focus to nothing.
    memory.onFocusOut({ target: notes, relatedTarget: null });
    expect(memory.editingElement(menuItem)).toBeNull();
    expect(memory.editingElement(body)).toBeNull();
  });

  it('follows the focused element while it is outside the menu bar', () => {
    const memory = createFocusMemory<FakeElement>();
    memory.onFocusIn({ target: inspectorField });
    expect(memory.editingElement(notes)?.name).toBe('notes');
  });

  it('does not return a field that left the page', () => {
    const memory = createFocusMemory<FakeElement>();
    const closedField = element('closed field', 'INPUT', { connected: false });
    memory.onFocusIn({ target: closedField });
    expect(memory.editingElement(menuItem)).toBeNull();
  });
});
