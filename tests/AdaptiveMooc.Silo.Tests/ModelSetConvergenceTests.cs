using AdaptiveMooc.Grains.Abstractions.Models;
using AdaptiveMooc.Grains.Models;
using AdaptiveMooc.ML.Training;
using Microsoft.Extensions.DependencyInjection;

namespace AdaptiveMooc.Silo.Tests;

/// <summary>
/// Issue 20: a serving set promoted into the registry (as a retraining run on any silo records it) is served by
/// every silo of the cluster within a poll, and a rollback brings every silo back; each silo loads the set from
/// its own copy of the registry's files.
/// </summary>
public sealed class ModelSetConvergenceTests
{
    [Fact]
    public async Task Every_silo_serves_a_promoted_set_and_then_its_rollback()
    {
        await using var db = await MigratedDatabase.CreateAsync();
        var empty = Directory.CreateTempSubdirectory("models-empty-").FullName;
        var work = Directory.CreateTempSubdirectory("models-work-").FullName;
        var candidate = Directory.CreateTempSubdirectory("models-candidate-").FullName;
        try
        {
            await using var cluster = await MoocTestCluster.StartAsync(db.ConnectionString, "conv-" + Guid.NewGuid().ToString("N")[..8], siloCount: 2,
                new Dictionary<string, string?>
                {
                    ["Mooc:Models:Path"] = empty,
                    ["Mooc:Retraining:WorkPath"] = work,
                    ["Mooc:Retraining:PollSeconds"] = "0.5",
                });
            var catalogs = cluster.Silos.Select(s => s.Services.GetRequiredService<IModelCatalog>()).ToList();
            Assert.All(catalogs, c => Assert.Equal(ModelSet.PriorVersion, c.Current.Version));

            // The shipped dropout model stands in for a promoted candidate.
            foreach (var file in ModelRetrainer.Files[ModelRetrainer.WithdrawnName])
            {
                File.Copy(Path.Combine(ShippedModels(), file), Path.Combine(candidate, file));
            }

            var registry = new ModelRegistry(db.DataSource, TimeProvider.System);
            var runId = Guid.NewGuid();
            await registry.StartRunAsync(runId, new RetrainingRequest(RetrainingRequest.Manual, "test", false, null), 6);
            var figures = new ModelFigures("candidate", 0.7, 100, new Dictionary<string, double>());
            var report = new RetrainingReport(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 1000, 1, false,
                [new ModelDecision(ModelRetrainer.WithdrawnName, "auc", ModelDecision.Promoted, "test", null, figures, figures with { Model = ModelRetrainer.Untrained, Value = 0.5 }, candidate)],
                "## Retraining test\n");
            var set = await registry.FinishRunAsync(runId, report, empty, null, "manual:test");
            Assert.NotNull(set);
            Assert.NotNull(set.Members[ModelRetrainer.WithdrawnName]);

            var promoted = await EventuallyAsync(catalogs, c => c.Current.Loaded.Contains(ModelSet.WithdrawnName));
            Assert.StartsWith("models-", promoted, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(work, $"set-{set.Id}", "dropout.zip")));

            var rollback = await registry.RollbackAsync("test");
            Assert.True(rollback.RolledBack);
            Assert.Null(rollback.Serving!.Members[ModelRetrainer.WithdrawnName]);
            Assert.Equal(ModelSet.PriorVersion, await EventuallyAsync(catalogs, c => c.Current.Version == ModelSet.PriorVersion));

            // The registry keeps the history: shipped, promoted, rolled back; a second rollback has nowhere to go.
            var view = await registry.ReadAsync(10);
            Assert.Equal(3, view.Sets.Count);
            Assert.Equal(ModelDecision.Promoted, view.Runs.Single().Models.Single().Decision);
            Assert.False((await registry.RollbackAsync("test")).RolledBack);
        }
        finally
        {
            foreach (var folder in new[] { empty, work, candidate })
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Waits until every silo's catalog satisfies <paramref name="served"/> and all serve the same version.</summary>
    private static async Task<string> EventuallyAsync(List<IModelCatalog> catalogs, Func<IModelCatalog, bool> served)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!(catalogs.All(served) && catalogs.Select(c => c.Current.Version).Distinct().Count() == 1))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "silos serve " + string.Join(", ", catalogs.Select(c => c.Current.Version)));
            await Task.Delay(200);
        }

        return catalogs[0].Current.Version;
    }

    private static string ShippedModels()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AdaptiveMooc.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("repository root not found"), "ml-models", "models");
    }
}
