// Exports of the fused recurrent kernels.
