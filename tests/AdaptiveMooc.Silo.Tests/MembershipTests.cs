using Npgsql;

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
        await using var command = db.DataSource.CreateCommand(
            "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = @cluster AND status = 3");
        command.Parameters.AddWithValue("cluster", clusterId);
        Assert.Equal(2L, await command.ExecuteScalarAsync());
    }
}
