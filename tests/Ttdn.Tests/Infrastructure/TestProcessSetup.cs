using System.Runtime.CompilerServices;

namespace Ttdn.Tests.Infrastructure;

/// <summary>Settings for the whole test process, applied before any test runs.</summary>
internal static class TestProcessSetup
{
    /// <summary>
    /// Every web host a test starts watches its configuration files, and each watcher holds one of the user's 128 inotify
    /// instances until it is collected: a full run started several hundred hosts and ran out ("configured user limit (128)
    /// on the number of inotify instances"). Polling watchers use none; nothing in a test edits configuration files.
    /// </summary>
    [ModuleInitializer]
    internal static void UsePollingFileWatchers() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
