using Schedly.Functions.Http;

namespace Schedly.Functions.Approvals;

/// <summary>The approval routes' own answer; every other outcome maps as the manage routes map it.</summary>
internal static class ApprovalResults
{
    public static Problem MissingToken() => Problem.Unauthorized("Send 'Authorization: Bearer <approvalToken>' (the token from the approve link in the host's email).");
}
