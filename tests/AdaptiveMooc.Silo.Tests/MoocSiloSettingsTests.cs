using Microsoft.Extensions.Configuration;

namespace AdaptiveMooc.Silo.Tests;

public sealed class MoocSiloSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Postgres_is_the_default_and_needs_a_connection_string()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MoocSiloSettings.Read(Config()));

        Assert.Contains("ConnectionStrings__mooc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_match_the_documented_ports_and_ids()
    {
        var settings = MoocSiloSettings.Read(Config(("ConnectionStrings:mooc", "Host=127.0.0.1")));

        Assert.False(settings.InMemory);
        Assert.Equal((11111, 30000, "adaptivemooc", "adaptivemooc", "127.0.0.1"),
            (settings.SiloPort, settings.GatewayPort, settings.ClusterId, settings.ServiceId, settings.AdvertisedIp.ToString()));
    }

    [Fact]
    public void Memory_needs_no_database_and_ports_come_from_configuration()
    {
        var settings = MoocSiloSettings.Read(Config(("Mooc:Storage", "memory"), ("Mooc:SiloPort", "12000"), ("Mooc:GatewayPort", "31000")));

        Assert.True(settings.InMemory);
        Assert.Equal((12000, 31000), (settings.SiloPort, settings.GatewayPort));
    }

    [Theory]
    [InlineData("Mooc:Storage", "sqlite")]
    [InlineData("Mooc:AdvertisedIp", "not-an-ip")]
    public void Unknown_values_are_refused(string key, string value) =>
        Assert.Throws<InvalidOperationException>(() => MoocSiloSettings.Read(Config(("ConnectionStrings:mooc", "Host=x"), (key, value))));
}
