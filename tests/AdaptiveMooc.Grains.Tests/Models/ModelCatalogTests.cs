using AdaptiveMooc.Grains.Abstractions.Models;
using AdaptiveMooc.Grains.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdaptiveMooc.Grains.Tests.Models;

public sealed class ModelCatalogTests : IDisposable
{
    private readonly string folder = ModelFolders.Copy();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Loads_every_shipped_model_and_names_the_set_by_its_files()
    {
        using var catalog = Catalog(folder);
        await catalog.CheckAsync(settle: false);

        Assert.Equal(ModelCatalogStatus.Ready, catalog.Status.State);
        Assert.Equal(["knowledge-tracing", "ranking", "at-risk", "withdrawn", "pacing"], catalog.Status.Loaded);
        Assert.StartsWith("models-", catalog.Current.Version, StringComparison.Ordinal);
        Assert.Equal(catalog.Current.Version, catalog.Status.Version);
        Assert.NotNull(catalog.Current.Ranking);
        Assert.NotNull(catalog.Current.AtRisk);
        Assert.NotNull(catalog.Current.Withdrawn);
        Assert.NotNull(catalog.Current.Pacing);
        Assert.True(catalog.Current.KtTrained);

        // Same files elsewhere: same version, so every silo of a cluster answers the same modelVersion.
        using var other = Catalog(ModelFolders.Shipped);
        await other.CheckAsync(settle: false);
        Assert.Equal(catalog.Current.Version, other.Current.Version);
    }

    [Fact]
    public async Task A_replaced_model_file_is_loaded_and_changes_the_version()
    {
        using var catalog = Catalog(folder);
        await catalog.CheckAsync(settle: false);
        var before = catalog.Current;

        // The withdrawn model stands in for a retrained at-risk model: same features, other bytes.
        Replace("dropout.zip", "risk.zip");
        Replace("dropout.json", "risk.json");

        Assert.True(await catalog.CheckAsync(settle: false));
        var after = catalog.Current;
        Assert.NotEqual(before.Version, after.Version);
        Assert.NotSame(before.AtRisk, after.AtRisk);
        Assert.Same(before.Ranking, after.Ranking);
        Assert.Same(before.Pacing, after.Pacing);
        Assert.Equal(ModelCatalogStatus.Ready, catalog.Status.State);
    }

    [Fact]
    public async Task A_corrupt_model_file_leaves_the_previous_model_serving_and_says_why()
    {
        using var catalog = Catalog(folder);
        await catalog.CheckAsync(settle: false);
        var before = catalog.Current;

        await File.WriteAllTextAsync(Path.Combine(folder, "next-lesson.zip"), "not a zip");

        Assert.False(await catalog.CheckAsync(settle: false));
        Assert.Same(before, catalog.Current);
        var status = catalog.Status;
        Assert.Equal(ModelCatalogStatus.Degraded, status.State);
        Assert.Equal(before.Version, status.Version);
        Assert.Contains("ranking", status.LastError, StringComparison.Ordinal);
        Assert.Contains("previous version keeps serving", status.LastError, StringComparison.Ordinal);
        Assert.NotNull(status.LastErrorAt);

        // Fixing the file clears the error; the model is the same bytes as before, so is the version.
        File.Copy(Path.Combine(ModelFolders.Shipped, "next-lesson.zip"), Path.Combine(folder, "next-lesson.zip"), overwrite: true);
        await catalog.CheckAsync(settle: false);
        Assert.Equal(ModelCatalogStatus.Ready, catalog.Status.State);
        Assert.Null(catalog.Status.LastError);
        Assert.Equal(before.Version, catalog.Current.Version);
    }

    [Fact]
    public async Task A_corrupt_model_at_start_is_not_served_and_the_others_are()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "pacing.json"), "{");
        using var catalog = Catalog(folder);
        await catalog.CheckAsync(settle: false);

        Assert.Null(catalog.Current.Pacing);
        Assert.NotNull(catalog.Current.Ranking);
        Assert.Equal(ModelCatalogStatus.Degraded, catalog.Status.State);
        Assert.Contains("pacing", catalog.Status.LastError, StringComparison.Ordinal);
        Assert.Contains("not serving", catalog.Status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_is_loaded_only_once_the_files_stay_the_same_for_one_poll()
    {
        using var catalog = Catalog(folder);
        await catalog.CheckAsync(settle: false);
        var before = catalog.Current.Version;
        Replace("dropout.zip", "risk.zip");
        Replace("dropout.json", "risk.json");

        Assert.False(await catalog.CheckAsync(settle: true));
        Assert.Equal(before, catalog.Current.Version);
        Assert.True(await catalog.CheckAsync(settle: true));
        Assert.NotEqual(before, catalog.Current.Version);
    }

    [Fact]
    public async Task The_started_catalog_polls_the_folder()
    {
        using var catalog = Catalog(folder, pollSeconds: 0.1);
        await catalog.StartAsync(CancellationToken.None);
        try
        {
            var before = catalog.Current.Version;
            Assert.StartsWith("models-", before, StringComparison.Ordinal);
            Replace("dropout.zip", "risk.zip");
            Replace("dropout.json", "risk.json");

            // Bounded wait for the background poll (not a timing assertion: any delay up to the bound passes).
            for (var i = 0; i < 600 && catalog.Current.Version == before; i++)
            {
                await Task.Delay(100);
            }

            Assert.NotEqual(before, catalog.Current.Version);
        }
        finally
        {
            await catalog.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Without_a_folder_the_priors_serve_and_the_status_says_why()
    {
        using var unset = Catalog(null);
        await unset.CheckAsync(settle: false);
        Assert.Equal(ModelSet.PriorVersion, unset.Current.Version);
        Assert.Equal(ModelCatalogStatus.Unavailable, unset.Status.State);
        Assert.Contains("Mooc:Models:Path", unset.Status.Reason, StringComparison.Ordinal);
        Assert.Empty(unset.Status.Loaded);

        using var missing = Catalog(Path.Combine(folder, "nope"));
        await missing.CheckAsync(settle: false);
        Assert.Equal(ModelCatalogStatus.Unavailable, missing.Status.State);
        Assert.Contains("does not exist", missing.Status.Reason, StringComparison.Ordinal);
        Assert.Null(missing.Current.Ranking);
        Assert.False(missing.Current.KtTrained);
    }

    private void Replace(string source, string target) =>
        File.Copy(Path.Combine(ModelFolders.Shipped, source), Path.Combine(folder, target), overwrite: true);

    private static ModelCatalog Catalog(string? path, double pollSeconds = 10) =>
        new(Options.Create(new ModelCatalogOptions { Path = path, PollSeconds = pollSeconds }), NullLogger<ModelCatalog>.Instance, TimeProvider.System);
}
