#ifndef BACKPROPLAB_CLIBSVM_SHIM_H
#define BACKPROPLAB_CLIBSVM_SHIM_H
// Debian's libsvm-dev installs the header as /usr/include/libsvm/svm.h and the
// library as libsvm.so (LIBSVM 3.24 on bookworm).
#include <libsvm/svm.h>
#endif
