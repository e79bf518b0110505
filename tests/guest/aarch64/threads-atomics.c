#include "threads-atomics.h"
