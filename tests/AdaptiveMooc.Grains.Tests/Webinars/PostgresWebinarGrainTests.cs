using AdaptiveMooc.Grains.Abstractions;
using AdaptiveMooc.Grains.Accounts;
using AdaptiveMooc.Grains.Forums;
using AdaptiveMooc.Grains.Tests.Forums;
using AdaptiveMooc.Grains.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AdaptiveMooc.Grains.Tests.Webinars;

/// <summary>The capacity and registration-list tests again with registrations in PostgreSQL, as a silo runs them.</summary>
public sealed class PostgresWebinarGrainTests(SocialTestDatabase database) : IClassFixture<SocialTestDatabase>
{
    [Fact]
    public async Task Capacity_is_exact_under_concurrency_on_postgres()
    {
        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(database.DataSource);
            silo.Services.AddSingleton<ILearningStatementSink>(new RecordingStatementSink());
            silo.AddMemoryGrainStorage(StorageNames.Default);
            silo.Services.AddSocialGrains();
            // The "webinar starting" notice: a reminder, then the inbox (mail and webhook outboxes in memory here,
            // the test database has only the forum and webinar tables).
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton<IMailOutbox>(new MemoryMailOutbox());
            silo.Services.AddSingleton<IWebhookStore>(new MemoryWebhookStore());
            silo.Services.AddMoocAccountServices(new ConfigurationBuilder().Build());
            silo.Services.AddWebhookGrains();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            await WebinarGrainTests.Hundred_registrations_for_thirty_seats(cluster.Client);
            await WebinarGrainTests.Registrations_list_who_registered_and_who_attended(cluster.Client);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }
}
