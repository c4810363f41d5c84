// OpenBLAS's CBLAS interface and its runtime controls (openblas_set_num_threads,
// openblas_get_config), used only by Sources/Numerics/BLAS*.swift.
#include <cblas.h>
