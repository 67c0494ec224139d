namespace AdaptiveMooc.Api.Contracts;

/// <summary>What the Stripe webhook did with a verified event (shown in Stripe's Dashboard).</summary>
public sealed record WebhookAnswer(string EventId, string Type, string Outcome);
