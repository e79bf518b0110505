/* Loading plugins: "--plugin FILE[,arg=value...]" specs collected from the
 * command line (and EMU_PLUGIN), then dlopen, the API version check and
 * qemu_plugin_install, the way QEMU does it.  A bare name ("hotblocks")
 * is also looked up among the bundled plugins next to the emu binary and
 * where they are installed. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "plugin-internal.h"

#define MAX_SPECS PLUGIN_MAX_PLUGINS

static const char *specs[MAX_SPECS];
static int spec_count;

bool plugins_enabled;
bool plugins_instrument;

static struct plugin_context contexts[PLUGIN_MAX_PLUGINS];
static int context_count;

struct plugin_program_info plugin_program;

bool plugin_add_spec(const char *spec)
{
    if (spec_count == MAX_SPECS) {
        fprintf(stderr, "emu: at most %d plugins\n", MAX_SPECS);
        return false;
    }
    const char *file = strncmp(spec, "file=", 5) == 0 ? spec + 5 : spec;
    if (*file == '\0' || *file == ',') {
        fprintf(stderr, "emu: --plugin needs a file name, not '%s'\n", spec);
        return false;
    }
    specs[spec_count++] = spec;
    return true;
}

int plugin_spec_count(void) { return spec_count; }
const char *plugin_spec(int index) { return specs[index]; }

struct plugin_context *plugin_context_of(qemu_plugin_id_t id)
{
    if (id >= (qemu_plugin_id_t)context_count)
        return NULL;
    return &contexts[id];
}

static bool readable(const char *path) { return access(path, R_OK) == 0; }

/* The file a spec's name means: a path as given; a bare name in the
 * current directory, else a bundled plugin (libNAME.so), else left to
 * dlopen's own search. */
static const char *resolve(const char *name, char *out, size_t size)
{
    if (strchr(name, '/'))
        return name;
    if (readable(name)) {
        snprintf(out, size, "./%s", name);
        return out;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
        const char *patterns[] = {"%s/tools/plugins/lib%s.so", "%s/tools/plugins/%s", "%s/../lib/emu/plugins/lib%s.so"};
        for (size_t i = 0; i < sizeof patterns / sizeof patterns[0]; i++) {
            snprintf(out, size, patterns[i], exe, name);
            if (readable(out))
                return out;
        }
    }
    snprintf(out, size, "%s/lib%s.so", EMU_PLUGINS_DIR, name);
    if (readable(out))
        return out;
    return name;
}

/* Splits "FILE,a=1,b=2" into the file and the plugin's argv. */
static char *split_spec(const char *spec, int *argc, char ***argv)
{
    char *copy = strdup(spec);
    char *file = strncmp(copy, "file=", 5) == 0 ? copy + 5 : copy;
    int count = 0;
    for (char *c = file; *c; c++)
        count += *c == ',';
    char **args = calloc((size_t)count + 1, sizeof *args);
    int n = 0;
    char *comma = strchr(file, ',');
    while (comma) {
        *comma = '\0';
        char *arg = comma + 1;
        comma = strchr(arg, ',');
        if (*arg)
            args[n++] = arg;
    }
    *argc = n;
    *argv = args;
    return file;
}

static bool load_one(const char *spec, const qemu_info_t *info)
{
    int argc;
    char **argv;
    char *name = split_spec(spec, &argc, &argv);
    char found[PATH_MAX];
    const char *path = resolve(name, found, sizeof found);
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        fprintf(stderr, "emu: could not load plugin %s: %s\n", name, dlerror());
        return false;
    }
    int *version = dlsym(handle, "qemu_plugin_version");
    if (!version) {
        fprintf(stderr, "emu: could not load plugin %s: it does not declare its API version (qemu_plugin_version)\n",
                path);
        return false;
    }
    if (*version < QEMU_PLUGIN_MIN_VERSION || *version > QEMU_PLUGIN_VERSION) {
        fprintf(stderr, "emu: could not load plugin %s: API version %d, emu supports %d to %d\n", path, *version,
                QEMU_PLUGIN_MIN_VERSION, QEMU_PLUGIN_VERSION);
        return false;
    }
    int (*install)(qemu_plugin_id_t, const qemu_info_t *, int, char **) =
        (int (*)(qemu_plugin_id_t, const qemu_info_t *, int, char **))dlsym(handle, "qemu_plugin_install");
    if (!install) {
        fprintf(stderr, "emu: could not load plugin %s: no qemu_plugin_install\n", path);
        return false;
    }
    struct plugin_context *ctx = &contexts[context_count];
    ctx->id = (qemu_plugin_id_t)context_count;
    ctx->handle = handle;
    ctx->path = strdup(path);
    ctx->argc = argc;
    ctx->argv = argv;
    ctx->version = *version;
    context_count++;
    int rc = install(ctx->id, info, argc, argv);
    if (rc != 0) {
        fprintf(stderr, "emu: plugin %s failed to install (it returned %d)\n", path, rc);
        return false;
    }
    return true;
}

bool plugins_load(const char *target_name, const char *binary_path, uint64_t load_bias, uint64_t entry)
{
    const char *from_env = getenv("EMU_PLUGIN");
    if (from_env && *from_env && spec_count == 0 && !plugin_add_spec(from_env))
        return false;
    if (spec_count == 0)
        return true;
    plugin_program.target_name = target_name;
    plugin_program.binary_path = binary_path;
    plugin_program.entry_code = entry;
    plugin_program_read(binary_path, load_bias);
    plugins_enabled = true;
    qemu_info_t info = {
        .target_name = target_name,
        .version = {.min = QEMU_PLUGIN_MIN_VERSION, .cur = QEMU_PLUGIN_VERSION},
        .system_emulation = false,
    };
    for (int i = 0; i < spec_count; i++)
        if (!load_one(specs[i], &info))
            return false;
    return true;
}
