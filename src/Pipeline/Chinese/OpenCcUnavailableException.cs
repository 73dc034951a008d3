namespace Pipeline.Chinese;

/// <summary>
/// OpenCC cannot be used on this machine: the native library or its dictionaries are missing, or a configuration
/// does not open. A start-up (configuration) error, never a per-document failure: the CLI maps it to exit code 2.
/// </summary>
public sealed class OpenCcUnavailableException : Exception
{
    /// <summary>The command that installs what is missing on Debian/Ubuntu.</summary>
    public const string InstallCommand = "apt-get install -y libopencc1.1 opencc";

    public OpenCcUnavailableException(string message, Exception? inner = null)
        : base($"{message} Install OpenCC with: {InstallCommand}", inner) { }
}
