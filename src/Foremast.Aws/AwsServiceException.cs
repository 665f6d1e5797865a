using Foremast.Workflows.Execution;
using System.Net;

namespace Foremast.Aws;

/// <summary>
/// An error answer from an AWS API (hand-written clients and the SDK's alike), carrying what a person needs in one line:
/// the service, the operation, AWS's error code and message.
/// </summary>
public sealed class AwsServiceException(string service, string operation, HttpStatusCode status, string code, string message)
    : PermanentExecutorException($"{service} {operation}: {code}: {message}")
{
    public string Service { get; } = service;

    public string Operation { get; } = operation;

    public HttpStatusCode StatusCode { get; } = status;

    public string Code { get; } = code;

    public string AwsMessage { get; } = message;

    /// <summary>The same error, prefixed with the resource it concerned, for a stage's error line.</summary>
    public string Describe(string resource) => $"{resource}: {Operation} failed: {Code}: {AwsMessage}";
}
