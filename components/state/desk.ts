/** UI state of the side panel's desk: the view (role), the open message, the filters. */
import { create } from 'zustand';

/** 'archive': closed messages (published, not processable), with search. */
export type DeskRole = 'curator' | 'executor' | 'all' | 'archive';

/** The view a person starts in: everything of mine with both roles, else the one role. */
export function defaultRole(roles: readonly string[]): DeskRole {
  const curator = roles.includes('curator');
  const executor = roles.includes('executor');
  return curator && executor ? 'all' : executor ? 'executor' : 'curator';
}

export interface DeskState {
  /**
   * Whose queue: the curator's, the executor's, or everything of mine (both roles); null until
   * the user picks one (the desk then follows the workspace's roles).
   */
  role: DeskRole | null;
  selectedId: string | null;
  step: string;
  body: string;
  topic: string;
  dueToday: boolean;
  search: string;
  overdueOnly: boolean;
  set: (patch: Partial<Omit<DeskState, 'set'>>) => void;
}

export const useDesk = create<DeskState>((set) => ({
  role: null,
  selectedId: null,
  step: '',
  body: '',
  topic: '',
  dueToday: false,
  search: '',
  overdueOnly: false,
  set: (patch) => set(patch),
}));

/** Session-storage key: the message the popup asks the desk to open. */
export const DESK_SELECTED_KEY = 'desk.selectedId';
