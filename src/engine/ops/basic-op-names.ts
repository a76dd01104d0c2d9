// Names of the non-recurrent ops (see ../op-names.ts).
export const BASIC_OP_NAMES = ['linear', 'matmul', 'reshape'] as const;
