using Pipeline.Reconciliation;

namespace Pipeline.Tests.Support;

/// <summary>The reconciler batch tests use: the one the CLI uses.</summary>
internal static class TestReconciler
{
    public static IReconciler Create() => Pipeline.Cli.PipelineFactory.CreateReconciler();
}
