// The CBLAS interface, implemented by OpenBLAS (this module links libopenblas), and
// OpenBLAS's runtime controls. Used only by Sources/Numerics/BLAS*.swift.
//
// The declarations come from GSL's <gsl/gsl_cblas.h>, not OpenBLAS's <cblas.h>: GSL's
// gsl_matrix.h / gsl_multimin.h / gsl_eigen.h already pull gsl_cblas.h into CGSL, and the two
// headers define the CBLAS enums differently (OpenBLAS adds CblasConjNoTrans), which clang
// rejects when one Swift module imports both. The enum values and the function signatures
// are the standard CBLAS ABI in both, so the calls bind to OpenBLAS's symbols unchanged
// (Tests/NumericsTests checks at run time that cblas_dgemm resolves into libopenblas).
#include <gsl/gsl_cblas.h>

// OpenBLAS's integer type (this build uses the 32-bit LP64 interface, as openblas_config.h
// says: no OPENBLAS_USE64BITINT), the same width as GSL's `int` sizes.
typedef int blasint;

void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
char *openblas_get_config(void);
char *openblas_get_corename(void);
