// Browser mode's application menu (File / Edit / View / Help). The desktop app uses the native
// menu instead; both end in runMenuCommand.

import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useAppStore } from '../state/store';
import { MENUS } from './app-commands';
import { dispatchMenuCommand } from '../host/client';
import { currentEditTarget } from './edit-target';

export function MenuBar(): ReactElement {
  const [open, setOpen] = useState<string | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  const canUndo = useAppStore((state) => state.past.length > 0);
  const canRedo = useAppStore((state) => state.future.length > 0);
  // Undo and Redo of a focused text field or the policy editor do not depend on the design's history.
  const [editingText, setEditingText] = useState(false);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent): void => {
      if (!bar.current?.contains(event.target as Node)) setOpen(null);
    };
    const escape = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setOpen(null);
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', escape);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', escape);
    };
  }, [open]);

  return (
    <div className="menubar" role="menubar" ref={bar}>
      {MENUS.map((menu) => (
        <div className="menubar__menu" key={menu.title} onMouseEnter={() => open && setOpen(menu.title)}>
          <button
            type="button"
            role="menuitem"
            aria-haspopup="menu"
            aria-expanded={open === menu.title}
            className={`menubar__title${open === menu.title ? ' menubar__title--open' : ''}`}
            onClick={() => {
              setEditingText(currentEditTarget().kind !== 'design');
              setOpen(open === menu.title ? null : menu.title);
            }}
          >
            {menu.title}
          </button>
          {open === menu.title ? (
            <div className="menubar__dropdown" role="menu" aria-label={menu.title}>
              {menu.items.map((item, index) =>
                item === 'separator' ? (
                  <div className="menubar__separator" key={`separator-${index}`} role="separator" />
                ) : (
                  <button
                    type="button"
                    role="menuitem"
                    key={item.command}
                    className="menubar__item"
                    disabled={
                      !editingText &&
                      ((item.command === 'edit.undo' && !canUndo) ||
                        (item.command === 'edit.redo' && !canRedo))
                    }
                    onClick={() => {
                      setOpen(null);
                      dispatchMenuCommand(item.command);
                    }}
                  >
                    <span>{item.label}</span>
                    {item.shortcut ? <span className="menubar__shortcut">{item.shortcut}</span> : null}
                  </button>
                ),
              )}
            </div>
          ) : null}
        </div>
      ))}
    </div>
  );
}
