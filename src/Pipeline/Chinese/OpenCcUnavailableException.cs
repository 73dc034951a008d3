using System;

namespace Pipeline.Chinese;

/// <summary>
/// OpenCC cannot be used on this machine: the native library or its dictionaries are missing, a configuration
/// does not open, or a project lexicon for it is malformed. Thrown at start-up, never per document (CLI exit code 2).
/// </summary>
public sealed class OpenCcUnavailableException : PipelineConfigurationException
{
    /// <summary>The command that installs what is missing on Debian/Ubuntu.</summary>
    public const string InstallCommand = "apt-get install -y libopencc1.1 opencc";

    public OpenCcUnavailableException(string message, Exception? inner = null)
        : base($"{message} Install OpenCC with: {InstallCommand}", inner) { }

    /// <summary>A configuration error that installing OpenCC does not fix (a malformed project lexicon).</summary>
    internal OpenCcUnavailableException(string message, bool suggestInstall, Exception? inner = null)
        : base(suggestInstall ? $"{message} Install OpenCC with: {InstallCommand}" : message, inner) { }
}
