using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Silo.Tests.TestGrains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace AdaptiveMooc.Silo.Tests;

public sealed class ClusterRestartTests
{
    [Fact]
    public async Task Grain_state_survives_a_full_cluster_restart()
    {
        await using var db = await MigratedDatabase.CreateAsync();
        var clusterId = $"restart-{Guid.NewGuid():N}";
        var key = $"counter-{Guid.NewGuid():N}";

        await using (var before = await MoocTestCluster.StartAsync(db.ConnectionString, clusterId, siloCount: 2))
        {
            var grain = before.Client.GetGrain<IDurableCounterGrain>(key);
            await grain.IncrementAsync();
            await grain.IncrementAsync();
            Assert.Equal(3, await grain.IncrementAsync());
        }

        await using var after = await MoocTestCluster.StartAsync(db.ConnectionString, clusterId);

        Assert.Equal(3, await after.Client.GetGrain<IDurableCounterGrain>(key).GetAsync());
    }

    [Fact]
    public async Task A_reminder_registered_before_a_full_restart_is_still_registered_and_fires_after_it()
    {
        await using var db = await MigratedDatabase.CreateAsync();
        var clusterId = $"reminder-{Guid.NewGuid():N}";
        var key = $"ticker-{Guid.NewGuid():N}";
        int ticksBefore;

        await using (var before = await MoocTestCluster.StartAsync(db.ConnectionString, clusterId))
        {
            var grain = before.Client.GetGrain<IDurableCounterGrain>(key);
            await grain.StartTickingAsync();
            ticksBefore = await grain.GetTicksAsync();
        }

        await using var after = await MoocTestCluster.StartAsync(db.ConnectionString, clusterId);
        var restarted = after.Client.GetGrain<IDurableCounterGrain>(key);

        Assert.True(await restarted.IsTickingAsync());
        Assert.True(
            await Eventually.HoldsAsync(async () => await restarted.GetTicksAsync() > ticksBefore, TimeSpan.FromMinutes(2)),
            "the reminder never fired on the restarted cluster");
        await restarted.StopTickingAsync();
        Assert.False(await restarted.IsTickingAsync());
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_rejected_and_changes_nothing()
    {
        await using var db = await MigratedDatabase.CreateAsync();
        await using var cluster = await MoocTestCluster.StartAsync(db.ConnectionString, $"etag-{Guid.NewGuid():N}");
        var storage = cluster.Silos[0].Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var grainId = GrainId.Create("test-durable-counter", $"etag-{Guid.NewGuid():N}");

        var first = new GrainState<DurableCounterState>(new DurableCounterState { Count = 1 });
        await storage.WriteStateAsync("test-durable-counter", grainId, first);
        var stale = new GrainState<DurableCounterState>(new DurableCounterState { Count = 99 }) { ETag = first.ETag };
        first.State = new DurableCounterState { Count = 2 };
        await storage.WriteStateAsync("test-durable-counter", grainId, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("test-durable-counter", grainId, stale));
        var fresh = new GrainState<DurableCounterState>();
        await storage.ReadStateAsync("test-durable-counter", grainId, fresh);
        Assert.Equal(2, fresh.State?.Count);
        Assert.Equal(first.ETag, fresh.ETag);

        // A second first-write of the same grain (two activations racing) is a conflict too, not a second row.
        var duplicate = new GrainState<DurableCounterState>(new DurableCounterState { Count = 7 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("test-durable-counter", grainId, duplicate));

        await storage.ClearStateAsync("test-durable-counter", grainId, fresh);
        var cleared = new GrainState<DurableCounterState>();
        await storage.ReadStateAsync("test-durable-counter", grainId, cleared);
        Assert.False(cleared.RecordExists);
        Assert.Equal(0, cleared.State?.Count);
    }
}
