using AdaptiveMooc.Grains.Webhooks;

namespace AdaptiveMooc.Grains.Tests.Webhooks;

/// <summary>The same scenarios on PostgreSQL (migration 0050); fails without MOOC_TEST_DB.</summary>
public sealed class PostgresWebhookDeliveryTests(WebhookTestDatabase database)
    : WebhookDeliveryScenarios, IClassFixture<WebhookTestDatabase>, IAsyncLifetime
{
    private protected override IWebhookStore Store { get; } = new PostgresWebhookStore(database.DataSource);

    // The scenarios claim whatever is due: each starts from empty tables, as each memory scenario does.
    public async Task InitializeAsync()
    {
        await using var command = database.DataSource.CreateCommand("TRUNCATE webhook_outbox, webhook_subscriptions");
        await command.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
