using System;

namespace Pipeline;

/// <summary>The pipeline cannot be built as configured (a missing native library, a bad lexicon). Thrown at start-up,
/// never per document; the CLI reports it in one line and exits with code 2.</summary>
public class PipelineConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
