using Foremast.Hosting.Http;
using Foremast.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace Foremast.Functions.Http;

/// <summary>The one adapter every HTTP function goes through: read the request, run the shared route, write the response.</summary>
public abstract class ApiFunctionBase(ForemastApi api)
{
    protected async Task<IActionResult> HandleAsync(ApiRoute route, HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var apiRequest = await ApiRequestReader.ReadAsync(request, cancellationToken);
        if (apiRequest is null) return new ApiResult(ApiResponse.Error(StatusCodes.Status413PayloadTooLarge, "request body too large"));
        return new ApiResult(await api.HandleAsync(route, apiRequest, client, cancellationToken));
    }
}
