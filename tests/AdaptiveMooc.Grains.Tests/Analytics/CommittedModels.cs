using AdaptiveMooc.ML.Risk;

namespace AdaptiveMooc.Grains.Tests.Analytics;

/// <summary>The model files committed in ml-models/models, loaded once for the tests that score with them.</summary>
internal static class CommittedModels
{
    private static readonly Lazy<RiskModel> LazyWithdrawn = new(() => RiskModel.Load(ModelsDirectory(), "dropout"));
    private static readonly Lazy<RiskModel> LazyAtRisk = new(() => RiskModel.Load(ModelsDirectory(), "risk"));

    public static string ModelsDirectory() => Path.Combine(RepositoryRoot(), "ml-models", "models");

    public static RiskModel Withdrawn => LazyWithdrawn.Value;

    public static RiskModel AtRisk => LazyAtRisk.Value;

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "AdaptiveMooc.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("AdaptiveMooc.sln not found above " + AppContext.BaseDirectory);
    }
}
