// Azure Communication Services for email: an Email Communication Service with an Azure-managed
// sender domain (<guid>.azurecomm.net, verified by Azure, no DNS work), linked to a Communication
// Services resource that the app calls with its managed identity.
@description('Name of the Communication Services resource.')
param communicationServiceName string

@description('Name of the Email Communication Service.')
param emailServiceName string

@description('Where ACS stores data at rest, e.g. "United States", "Europe", "UK".')
param dataLocation string

@description('Tags applied to the resources.')
param tags object = {}

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }

  resource managedDomain 'domains' = {
    name: 'AzureManagedDomain'
    location: 'global'
    tags: tags
    properties: {
      domainManagement: 'AzureManaged'
      userEngagementTracking: 'Disabled'
    }
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [
      emailService::managedDomain.id
    ]
  }
}

output communicationServiceId string = communicationService.id
output communicationServiceName string = communicationService.name
@description('The endpoint the app sends to, e.g. https://<name>.<geo>.communication.azure.com.')
output endpoint string = 'https://${communicationService.properties.hostName}'
@description('The Azure-managed domain, e.g. <guid>.azurecomm.net.')
output senderDomain string = emailService::managedDomain.properties.mailFromSenderDomain
output sender string = 'DoNotReply@${emailService::managedDomain.properties.mailFromSenderDomain}'
