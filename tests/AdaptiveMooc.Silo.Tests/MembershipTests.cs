using Microsoft.Extensions.DependencyInjection;

namespace AdaptiveMooc.Silo.Tests;

public sealed class MembershipTests
{
    [Fact]
    public async Task Two_silos_form_one_cluster_through_the_membership_table()
    {
        await using var db = await MigratedDatabase.CreateAsync();
        var clusterId = $"pair-{Guid.NewGuid():N}";

        await using var cluster = await MoocTestCluster.StartAsync(db.ConnectionString, clusterId, siloCount: 2);

        var hosts = await cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(2, hosts.Count);
        Assert.Equal(2L, await CountAsync(db.DataSource, clusterId, status: 3));
    }

    [Fact]
    public async Task Rows_of_dead_silos_are_cleaned_up_and_live_ones_kept()
    {
        await using var db = await MigratedDatabase.CreateAsync();
        var clusterId = $"cleanup-{Guid.NewGuid():N}";
        await (await MoocTestCluster.StartAsync(db.ConnectionString, clusterId)).DisposeAsync();
        await using var cluster = await MoocTestCluster.StartAsync(db.ConnectionString, clusterId);
        Assert.Equal(1L, await CountAsync(db.DataSource, clusterId, status: 6));

        var table = cluster.Silos[0].Services.GetRequiredService<IMembershipTable>();
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(0L, await CountAsync(db.DataSource, clusterId, status: 6));
        Assert.Equal(1L, await CountAsync(db.DataSource, clusterId, status: 3));
    }

    private static async Task<long> CountAsync(Npgsql.NpgsqlDataSource dataSource, string clusterId, int status)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = @cluster AND status = @status");
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("status", status);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
