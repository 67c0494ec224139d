namespace AdaptiveMooc.Api.Payments;

/// <summary>What a Checkout Session is created for: one order of one paid course.</summary>
public sealed record CheckoutRequest(
    string OrderId, string LearnerId, string? LearnerEmail, string CourseId, string CourseTitle, string? ProviderId,
    long AmountMinor, string Currency);
