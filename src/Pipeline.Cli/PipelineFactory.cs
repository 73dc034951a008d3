using Pipeline.Batch;
using Pipeline.Reconciliation;

namespace Pipeline.Cli;

/// <summary>Builds the standard pipeline and reconciler for the commands.</summary>
internal static class PipelineFactory
{
    public static ExtractionPipeline CreatePipeline() => ExtractionPipelineBuilder.CreateDefault().Build();

    public static IReconciler CreateReconciler() => new TruthDiscoveryReconciler();

    public static BatchRunner CreateRunner(IDocumentDispatcher? dispatcher = null) => new(CreatePipeline(), CreateReconciler(), dispatcher);
}
