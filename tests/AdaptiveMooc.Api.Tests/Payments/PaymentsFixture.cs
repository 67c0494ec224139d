namespace AdaptiveMooc.Api.Tests.Payments;

/// <summary>A platform whose API has a Stripe key (pointed at <see cref="FakeStripe"/>) and a webhook secret.</summary>
public sealed class PaymentsFixture : IAsyncLifetime
{
    public const string WebBaseUrl = "https://web.example.org";
    private PlatformProcesses? platform;

    public FakeStripe Stripe { get; } = new();

    public PlatformProcesses Platform => platform ?? throw new InvalidOperationException("The platform did not start.");

    public async Task InitializeAsync() => platform = await PlatformProcesses.StartAsync(new Dictionary<string, string>
    {
        ["Mooc__Stripe__SecretKey"] = "sk_test_fake_for_tests",
        ["Mooc__Stripe__WebhookSecret"] = StripeEvents.WebhookSecret,
        ["Mooc__Stripe__ApiBase"] = Stripe.BaseUrl,
        ["Mooc__Stripe__WebBaseUrl"] = WebBaseUrl,
    });

    public async Task DisposeAsync()
    {
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }

        await Stripe.DisposeAsync();
    }
}
