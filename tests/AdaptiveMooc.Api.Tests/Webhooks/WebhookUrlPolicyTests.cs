using AdaptiveMooc.Api.Webhooks;

namespace AdaptiveMooc.Api.Tests.Webhooks;

/// <summary>The registration check with the production setting (no loopback receivers).</summary>
public sealed class WebhookUrlPolicyTests
{
    [Theory]
    [InlineData("https://[::ffff:127.0.0.2]/x")]
    [InlineData("https://[::ffff:7f00:1]/x")]
    [InlineData("https://127.0.0.2/x")]
    [InlineData("https://localhost/x")]
    [InlineData("https://[::1]/x")]
    [InlineData("https://0.0.0.0/x")]
    [InlineData("https://[64:ff9b::7f00:1]/x")]
    [InlineData("https://100.64.0.1/x")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://[fd00::1]/x")]
    [InlineData("https://[fe80::1]/x")]
    public void Loopback_and_other_special_use_literals_are_refused_in_production(string url)
    {
        Assert.NotNull(WebhookUrlPolicy.Check(url, allowLoopback: false, out var parsed));
        Assert.Null(parsed);
    }

    [Theory]
    [InlineData("https://example.org/hooks")]
    [InlineData("https://8.8.8.8/hooks")]
    [InlineData("https://[2606:4700:4700::1111]/hooks")]
    public void Public_https_receivers_are_accepted(string url)
    {
        Assert.Null(WebhookUrlPolicy.Check(url, allowLoopback: false, out var parsed));
        Assert.NotNull(parsed);
    }
}
