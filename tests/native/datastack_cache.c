/* Freed frame chunks kept for the next call, in the test processes.

   CPython 3.11 and 3.12 give each thread its Python frames in 16 KiB chunks: a call that needs
   a new chunk maps one with mmap, and the return that empties it unmaps it at once. A call
   depth that keeps crossing a chunk's end (Django's template rendering crosses one on nearly
   every tag) then costs a mmap, a munmap and fresh page faults every time: in the test suite,
   some 11,000 of each per admin test, and a sixth of its CPU time spent in the kernel.
   CPython 3.13 keeps one chunk per thread (gh-142183); this does the same through the hook
   the interpreter offers for that memory (PyObject_SetArenaAllocator): chunks of that size
   are kept, a few at a time, and handed back zeroed, as a new mapping would be; everything
   else goes to the interpreter's own allocator. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <pthread.h>
#include <string.h>

#define CHUNK_SIZE (16 * 1024)
#define KEPT_CHUNKS 8

static PyObjectArenaAllocator interpreter_allocator;
static void *kept[KEPT_CHUNKS];
static int kept_count;
static int installed;
/* Frames are pushed and popped under the GIL, but a thread state may be deleted without it. */
static pthread_mutex_t kept_lock = PTHREAD_MUTEX_INITIALIZER;

static void *
chunk_alloc(void *ctx, size_t size)
{
    if (size == CHUNK_SIZE) {
        void *chunk = NULL;
        pthread_mutex_lock(&kept_lock);
        if (kept_count > 0) {
            chunk = kept[--kept_count];
        }
        pthread_mutex_unlock(&kept_lock);
        if (chunk != NULL) {
            memset(chunk, 0, CHUNK_SIZE);
            return chunk;
        }
    }
    return interpreter_allocator.alloc(interpreter_allocator.ctx, size);
}

static void
chunk_free(void *ctx, void *ptr, size_t size)
{
    if (size == CHUNK_SIZE) {
        int kept_it = 0;
        pthread_mutex_lock(&kept_lock);
        if (kept_count < KEPT_CHUNKS) {
            kept[kept_count++] = ptr;
            kept_it = 1;
        }
        pthread_mutex_unlock(&kept_lock);
        if (kept_it) {
            return;
        }
    }
    interpreter_allocator.free(interpreter_allocator.ctx, ptr, size);
}

static PyObject *
install(PyObject *module, PyObject *unused)
{
    if (!installed) {
        /* Chunks mapped before this are freed through here too, and kept or handed on to
           the interpreter's allocator that mapped them. */
        PyObjectArenaAllocator keeping = {NULL, chunk_alloc, chunk_free};
        PyObject_GetArenaAllocator(&interpreter_allocator);
        PyObject_SetArenaAllocator(&keeping);
        installed = 1;
    }
    Py_RETURN_NONE;
}

static PyObject *
is_installed(PyObject *module, PyObject *unused)
{
    return PyBool_FromLong(installed);
}

static PyMethodDef methods[] = {
    {"install", install, METH_NOARGS, "Keep freed frame chunks for the next call."},
    {"installed", is_installed, METH_NOARGS, "Whether install() has run in this process."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_datastack_cache", "Freed frame chunks kept for the next call.",
    -1, methods,
};

PyMODINIT_FUNC
PyInit__datastack_cache(void)
{
    return PyModule_Create(&module);
}
