import { describe, expect, it } from 'vitest';
import { findFreeSpot, suggestPosition } from '../../../src-renderer/state/edits/placement';
import { windowTitle } from '../../../src-renderer/state/document-actions';
import { commandForKey } from '../../../src-renderer/shell/app-commands';
import { aDesign, aRole } from '../builders/design';

function key(key: string, modifiers: { ctrl?: boolean; shift?: boolean; alt?: boolean } = {}) {
  return {
    key,
    ctrlKey: modifiers.ctrl ?? false,
    metaKey: false,
    shiftKey: modifiers.shift ?? false,
    altKey: modifiers.alt ?? false,
    target: null,
  };
}

describe('keyboard shortcuts', () => {
  it('map to the same commands as the menus', () => {
    expect(commandForKey(key('z', { ctrl: true }))).toBe('edit.undo');
    expect(commandForKey(key('Z', { ctrl: true, shift: true }))).toBe('edit.redo');
    expect(commandForKey(key('y', { ctrl: true }))).toBe('edit.redo');
    expect(commandForKey(key('s', { ctrl: true }))).toBe('file.save');
    expect(commandForKey(key('S', { ctrl: true, shift: true }))).toBe('file.saveAs');
    expect(commandForKey(key('o', { ctrl: true }))).toBe('file.open');
    expect(commandForKey(key('Delete'))).toBe('edit.delete');
    expect(commandForKey(key('c', { ctrl: true }))).toBe('edit.copy');
    expect(commandForKey(key('v', { ctrl: true }))).toBe('edit.paste');
    expect(commandForKey(key('j', { ctrl: true }))).toBe('view.toggleSimulator');
    expect(commandForKey(key('a'))).toBeUndefined();
  });
});

describe('window title', () => {
  it('shows the file name and a dirty marker', () => {
    const design = aDesign().withName('Shop').build();
    expect(windowTitle({ design, filePath: '/home/a/shop.cognito-design.json', dirty: true })).toBe(
      '● shop.cognito-design.json — Cognito Access Studio',
    );
    expect(windowTitle({ design, filePath: undefined, dirty: false })).toBe('Shop — Cognito Access Studio');
  });
});

describe('placement of new nodes', () => {
  it('keeps the wanted spot when it is free and moves off a node that covers it', () => {
    const design = aDesign()
      .with((draft) => draft.roles.push(aRole({ id: 'r' })))
      .withPosition('r', 0, 0)
      .build();
    expect(findFreeSpot(design, { x: 1000, y: 1000 }, { width: 200, height: 80 })).toEqual({
      x: 1000,
      y: 1000,
    });
    const moved = findFreeSpot(design, { x: 10, y: 10 }, { width: 200, height: 80 });
    // The role card is 240 × 86 at the origin; the new node must clear it (plus a margin).
    const clear = moved.x >= 240 || moved.y >= 86 || moved.x + 200 <= 0 || moved.y + 80 <= 0;
    expect(clear).toBe(true);
  });
});

describe('column placement of new nodes', () => {
  it('puts a new role in the roles column, on the free spot nearest the wanted height', () => {
    const design = aDesign()
      .with((draft) => draft.roles.push(aRole({ id: 'a' }), aRole({ id: 'b' })))
      .withPosition('a', 1000, 0)
      .withPosition('b', 1000, 200)
      .build();
    const position = suggestPosition(design, 'role', { width: 240, height: 86 }, { x: 0, y: 0 });
    expect(position.x).toBe(1000);
    const clear = (other: number) => position.y + 86 + 24 <= other || position.y >= other + 86 + 24;
    expect(clear(0) && clear(200)).toBe(true);
    expect(Math.abs(position.y)).toBeLessThanOrEqual(120);
  });

  it('lands next to the selected node, in the column of its kind (derived when the kind has none yet)', () => {
    const design = aDesign()
      .withIdentityPool({ id: 'pool' })
      .withPosition('pool', 400, 600)
      .with((draft) => draft.roles.push(aRole({ id: 'far' })))
      .withPosition('far', 830, -2000)
      .build();
    const role = suggestPosition(design, 'role', { width: 240, height: 86 }, { x: 0, y: 0 }, 'pool');
    expect(role).toEqual({ x: 830, y: 600 });
    const policy = suggestPosition(
      design,
      'managedPolicy',
      { width: 220, height: 80 },
      { x: 0, y: 0 },
      'pool',
    );
    expect(policy).toEqual({ x: 830 + 420, y: 600 });
    const provider = suggestPosition(design, 'provider', { width: 240, height: 78 }, { x: 0, y: 0 }, 'pool');
    expect(provider).toEqual({ x: 400 - 2 * 420, y: 600 });
  });

  it('keeps clear of the size a neighbour is drawn at when that is taller than its estimate', () => {
    const design = aDesign()
      .with((draft) => draft.roles.push(aRole({ id: 'tall' })))
      .withPosition('tall', 1000, 0)
      .build();
    const wanted = { x: 0, y: 150 };
    // By the estimate (86 high) y = 150 is free; drawn 300 high (wrapped chips) it is not.
    expect(suggestPosition(design, 'role', { width: 240, height: 86 }, wanted).y).toBe(150);
    const drawn = suggestPosition(design, 'role', { width: 240, height: 86 }, wanted, undefined, (id) =>
      id === 'tall' ? { width: 240, height: 300 } : undefined,
    );
    expect(drawn.y >= 300 + 24 || drawn.y + 86 + 24 <= 0).toBe(true);
  });
});
