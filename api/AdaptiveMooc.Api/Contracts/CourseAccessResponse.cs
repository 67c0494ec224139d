using AdaptiveMooc.Grains.Abstractions.Payments;

namespace AdaptiveMooc.Api.Contracts;

/// <summary>
/// Whether a learner may use a course: <c>paid</c> says whether the rule applies at all; <c>sources</c>
/// lists the orders, vouchers and grants, withdrawn ones with when and why.
/// </summary>
public sealed record CourseAccessResponse(string LearnerId, string CourseId, bool Paid, bool HasAccess, IReadOnlyList<AccessSource> Sources);
