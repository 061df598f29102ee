/** The four sections of a policy document, in the order they run (on-error only on failure). */
export type Section = 'inbound' | 'backend' | 'outbound' | 'on-error';

export const ALL_SECTIONS: readonly Section[] = ['inbound', 'backend', 'outbound', 'on-error'];
