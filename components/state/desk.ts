/** UI state of the side panel's desk: the view (role), the open message, the filters. */
import { create } from 'zustand';

export interface DeskState {
  /** Whose queue: the curator's, the executor's, or everything of mine (both roles). */
  role: 'curator' | 'executor' | 'all';
  selectedId: string | null;
  step: string;
  search: string;
  overdueOnly: boolean;
  set: (patch: Partial<Omit<DeskState, 'set'>>) => void;
}

export const useDesk = create<DeskState>((set) => ({
  role: 'curator',
  selectedId: null,
  step: '',
  search: '',
  overdueOnly: false,
  set: (patch) => set(patch),
}));
