namespace AdaptiveMooc.Api.Payments;

/// <summary>A created Checkout Session: its id (kept with the order) and the page the buyer pays on.</summary>
public sealed record CheckoutSessionInfo(string Id, string Url);
