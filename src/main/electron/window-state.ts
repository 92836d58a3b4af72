import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomically } from '../base/write-atomically';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where and how large the window was when it last closed. */
export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const MIN_WINDOW = { width: 900, height: 600 };
/** How much of the window must stay on a screen for its title bar to be reachable. */
const VISIBLE = { width: 120, height: 40 };

const isInt = (value: unknown): value is number => Number.isSafeInteger(value);

function parseState(value: unknown): WindowState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { bounds, maximized } = value as Partial<Record<keyof WindowState, unknown>>;
  if (typeof bounds !== 'object' || bounds === null) return undefined;
  const { x, y, width, height } = bounds as Partial<Record<keyof Rectangle, unknown>>;
  if (!isInt(x) || !isInt(y) || !isInt(width) || !isInt(height)) return undefined;
  return { bounds: { x, y, width, height }, maximized: maximized === true };
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The saved state made safe for today's screens: a size within the largest screen and no
 * smaller than the window's minimum, and a position only if enough of the window lands on a
 * screen (a monitor unplugged since must not leave the window out of reach; Electron then
 * centres it). Anything unreadable counts as no saved state.
 */
export function restoreWindowState(saved: unknown, workAreas: Rectangle[]): Partial<Rectangle> & { maximized: boolean } {
  const state = parseState(saved);
  if (!state || workAreas.length === 0) return { maximized: false };
  const maxWidth = Math.max(...workAreas.map((area) => area.width));
  const maxHeight = Math.max(...workAreas.map((area) => area.height));
  const width = Math.max(MIN_WINDOW.width, Math.min(state.bounds.width, maxWidth));
  const height = Math.max(MIN_WINDOW.height, Math.min(state.bounds.height, maxHeight));
  const placed = { ...state.bounds, width, height };
  const onScreen = workAreas.some((area) => {
    const seen = overlap(placed, area);
    return seen.width >= VISIBLE.width && seen.height >= VISIBLE.height;
  });
  return onScreen ? { ...placed, maximized: state.maximized } : { width, height, maximized: state.maximized };
}

/** The saved state, or undefined when there is none or it cannot be read. */
export function readWindowState(dir: string): unknown {
  try {
    return JSON.parse(readFileSync(join(dir, WINDOW_STATE_FILE), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Saves the state; a failure costs only the remembered size, so it is logged, not raised. */
export function saveWindowState(dir: string, state: WindowState, log: (line: string) => void): void {
  try {
    writeAtomically(join(dir, WINDOW_STATE_FILE), `${JSON.stringify(state)}\n`);
  } catch (error) {
    log(`mockmost: the window's size and position were not saved: ${(error as Error).message}`);
  }
}
