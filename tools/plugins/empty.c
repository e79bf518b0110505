/* The empty plugin: installs and registers nothing, so running with it
 * measures what loading a plugin costs by itself. */
#include <qemu-plugin.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
    (void)id;
    (void)info;
    (void)argc;
    (void)argv;
    return 0;
}
