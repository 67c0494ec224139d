using System.Net;
using AdaptiveMooc.Web.Api;
using AdaptiveMooc.Web.Components.Shared;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AdaptiveMooc.Web.Tests.Components;

/// <summary>The buying box of a paid course and the provider's pending orders: what they show and what they ask the page to do.</summary>
public sealed class PaymentComponentTests
{
    private static readonly Pricing Paid = new("paid", 49m, "EUR");

    private static BunitContext MudContext()
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        return context;
    }

    [Fact]
    public async Task Without_access_the_panel_offers_to_buy_and_to_redeem_a_code()
    {
        await using var context = MudContext();
        var bought = 0;
        string? redeemed = null;
        var cut = context.Render<BuyPanel>(p => p
            .Add(x => x.Pricing, Paid)
            .Add(x => x.OnBuy, () => bought++)
            .Add(x => x.OnRedeem, (string code) => redeemed = code));

        var buy = cut.Find("button.buy-button");
        Assert.Contains("Buy for 49.00 EUR", buy.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".buy-access"));
        Assert.True(cut.Find("button.redeem-button").HasAttribute("disabled"));

        await buy.ClickAsync(new());
        Assert.Equal(1, bought);

        cut.Find("input").Change(" abcd-efgh-jkmn-pqrs ");
        await cut.Find("button.redeem-button").ClickAsync(new());
        Assert.Equal("abcd-efgh-jkmn-pqrs", redeemed);
    }

    [Fact]
    public async Task With_access_it_says_so_and_a_pending_manual_order_explains_how_to_pay()
    {
        await using var context = MudContext();
        var open = context.Render<BuyPanel>(p => p.Add(x => x.Pricing, Paid).Add(x => x.HasAccess, true));
        Assert.Single(open.FindAll(".buy-access"));
        Assert.Empty(open.FindAll("button.buy-button"));

        var order = new Order("o1", "ada", "finance", "uni", 4900, "EUR", "manual", "pending", DateTimeOffset.UtcNow, null, null, null, false);
        var waiting = context.Render<BuyPanel>(p => p.Add(x => x.Pricing, Paid).Add(x => x.Order, order));
        var text = waiting.Find(".buy-manual").TextContent;
        Assert.Contains("Order o1", text, StringComparison.Ordinal);
        Assert.Contains("49.00 EUR", text, StringComparison.Ordinal);
        Assert.Empty(waiting.FindAll("button.buy-button"));
    }

    [Fact]
    public async Task A_refused_code_shows_beside_the_code_field()
    {
        await using var context = MudContext();
        var problem = new ApiException(HttpStatusCode.Conflict, new ApiProblem("Conflict.", "This voucher was redeemed already.", 409, "code"));
        var cut = context.Render<BuyPanel>(p => p.Add(x => x.Pricing, Paid).Add(x => x.Problem, problem));
        Assert.Equal("This voucher was redeemed already.", cut.Find(".field-error").TextContent);
    }

    [Fact]
    public async Task An_order_is_marked_paid_only_with_a_reference()
    {
        await using var context = MudContext();
        (string OrderId, string Reference)? marked = null;
        var orders = new[] { new Order("o1", "ada", "finance", "uni", 4900, "EUR", "manual", "pending", DateTimeOffset.UtcNow, null, null, null, false) };
        var cut = context.Render<PendingOrders>(p => p.Add(x => x.Orders, orders).Add(x => x.OnMarkPaid, (ValueTuple<string, string> m) => marked = m));

        Assert.True(cut.Find("button.mark-paid").HasAttribute("disabled"));
        cut.Find("input").Input("SEPA-42 ");
        await cut.Find("button.mark-paid").ClickAsync(new());
        Assert.Equal(("o1", "SEPA-42"), marked);

        var empty = context.Render<PendingOrders>(p => p.Add(x => x.Orders, Array.Empty<Order>()));
        Assert.Single(empty.FindAll(".no-pending"));
    }
}
