#ifndef BACKPROPLAB_CZLIB_SHIM_H
#define BACKPROPLAB_CZLIB_SHIM_H
#include <zlib.h>
#endif
