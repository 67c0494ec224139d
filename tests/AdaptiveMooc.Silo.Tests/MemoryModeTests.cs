using System.Globalization;
using AdaptiveMooc.Silo.Tests.TestGrains;
using AdaptiveMooc.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace AdaptiveMooc.Silo.Tests;

public sealed class MemoryModeTests
{
    [Fact]
    public async Task A_memory_silo_serves_grains_and_reminders_without_a_database()
    {
        var gatewayPort = FreePorts.Next();
        var siloBuilder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        siloBuilder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mooc:Storage"] = "memory",
            ["Mooc:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Mooc:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
        });
        siloBuilder.UseOrleans(silo => silo
            .ConfigureMoocSilo(siloBuilder.Configuration)
            .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1)));
        using var silo = siloBuilder.Build();
        await silo.StartAsync();
        var clientBuilder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        clientBuilder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPort, "adaptivemooc", "adaptivemooc"));
        using var client = clientBuilder.Build();
        await client.StartAsync();
        try
        {
            var grain = client.Services.GetRequiredService<IClusterClient>().GetGrain<IDurableCounterGrain>($"memory-{Guid.NewGuid():N}");

            await grain.IncrementAsync();
            await grain.StartTickingAsync();

            Assert.Equal(2, await grain.IncrementAsync());
            Assert.True(await grain.IsTickingAsync());
        }
        finally
        {
            await client.StopAsync();
            await silo.StopAsync();
        }
    }
}
