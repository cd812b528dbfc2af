/**
 * Regulation timers. The walking skeleton knows one: the answer is published within 8 working
 * hours of detection (Yakutia п.9; Saratov and Ivanovo say 9). The regulations issue (#4)
 * replaces this with a profile per region and planDeadlines().
 */
export const SKELETON_ANSWER_TIMER = {
  minutes: 8 * 60,
  clock: 'working' as const,
  from: 'detectedAt' as const,
  clause: 'Указ Главы РС(Я) № 1131, прил. 2, п. 9',
};
