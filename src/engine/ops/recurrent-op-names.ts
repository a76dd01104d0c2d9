// Names of the recurrent ops (see ../op-names.ts).
export const RECURRENT_OP_NAMES = ['recurrent'] as const;
