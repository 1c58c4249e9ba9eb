#!/usr/bin/env python3
"""Record AWS wire fixtures for posture's decoder tests, from moto_server and the AWS CLI.

Why: the live collector must turn raw HTTP answers into exactly the JSON `aws ... --output json`
(awscli v1) prints. This script seeds a small but varied account in moto_server, then runs the
real awscli driver in-process for every operation posture calls, capturing for each HTTP
exchange: the request botocore prepared (method, path and query, body, X-Amz-Target,
Content-Type only: never Authorization or other signing headers), the raw response (status,
headers, body), and the page as botocore parsed it with awscli's scalar handling (timestamps and
blobs as on the wire, IAM policy documents decoded, ResponseMetadata dropped). For each call it
also keeps what the CLI printed (all pages merged) or the error it answered with.

Output: Tests/ProviderAWSTests/Wire/Fixtures/<service>/<op>-<n>.{status,headers,body,request.json,
expected.json}, <call>.cli.json, and index.json listing the calls.

Usage: scripts/record-wire-fixtures.py [OUTPUT_DIR]
"""
import contextlib
import copy
import gzip
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from urllib.parse import urlsplit

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ACCOUNT = "123456789012"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_moto(port):
    env = dict(os.environ, MOTO_IAM_LOAD_MANAGED_POLICIES="true")
    process = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/moto-api/", timeout=1)
            return process, url
        except Exception:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("moto_server did not start")


def self_signed_certificate():
    folder = tempfile.mkdtemp()
    key, cert = os.path.join(folder, "key.pem"), os.path.join(folder, "cert.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "365", "-subj", "/CN=fixture.example.com"], check=True, capture_output=True)
    with open(key) as k, open(cert) as c:
        result = (c.read(), k.read())
    shutil.rmtree(folder)
    return result


def strip_account_host(request, **kwargs):
    """S3 Control puts the account id in the host name (`123456789012.127.0.0.1`), which does
    not resolve on loopback; moto routes by path, so send it to the plain address."""
    request.url = re.sub(r"//\d{12}\.127\.0\.0\.1", "//127.0.0.1", request.url)


def seed(url):
    """A small account with a bit of everything posture reads."""
    import boto3
    session = boto3.session.Session(region_name="us-east-1")
    session.events.register("before-send", strip_account_host)
    iam = session.client("iam", endpoint_url=url)
    s3 = session.client("s3", endpoint_url=url)
    admin = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'
    read = {"Version": "2012-10-17", "Statement": [
        {"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"],
         "Resource": ["arn:aws:s3:::posture-logs", "arn:aws:s3:::posture-logs/*"],
         "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}
    trust = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
    managed = iam.create_policy(PolicyName="posture-read-logs", PolicyDocument=json.dumps(read),
                                Description="Read the log bucket")["Policy"]["Arn"]
    iam.create_policy_version(PolicyArn=managed, PolicyDocument=json.dumps(read), SetAsDefault=True)
    iam.create_group(GroupName="admins")
    iam.put_group_policy(GroupName="admins", PolicyName="admin-inline", PolicyDocument=admin)
    iam.create_group(GroupName="readers")
    iam.attach_group_policy(GroupName="readers", PolicyArn=managed)
    for index in range(1, 7):
        name = f"user-{index}"
        iam.create_user(UserName=name, Tags=[{"Key": "team", "Value": "blue" if index % 2 else "red"}])
        if index <= 2:
            iam.add_user_to_group(UserName=name, GroupName="admins")
        else:
            iam.add_user_to_group(UserName=name, GroupName="readers")
        if index == 1:
            iam.create_login_profile(UserName=name, Password="correct-Horse-battery-9")
            iam.create_access_key(UserName=name)
            iam.put_user_policy(UserName=name, PolicyName="inline-s3",
                                PolicyDocument='{"Version":"2012-10-17","Statement":{"Effect":"Allow",'
                                               '"Action":"s3:*","Resource":"*"}}')
        if index == 3:
            iam.attach_user_policy(UserName=name, PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")
    for index, service in enumerate(["ec2.amazonaws.com", "lambda.amazonaws.com", "config.amazonaws.com"], start=1):
        trust["Statement"][0]["Principal"]["Service"] = service
        iam.create_role(RoleName=f"role-{index}", AssumeRolePolicyDocument=json.dumps(trust),
                        Description=f"Role {index} for {service}")
        iam.put_role_policy(RoleName=f"role-{index}", PolicyName="inline", PolicyDocument=json.dumps(read))
    iam.attach_role_policy(RoleName="role-1", PolicyArn=managed)
    iam.create_instance_profile(InstanceProfileName="profile-1")
    iam.add_role_to_instance_profile(InstanceProfileName="profile-1", RoleName="role-1")
    serial = iam.create_virtual_mfa_device(VirtualMFADeviceName="user-1-mfa")["VirtualMFADevice"]["SerialNumber"]
    iam.enable_mfa_device(UserName="user-1", SerialNumber=serial, AuthenticationCode1="123456",
                          AuthenticationCode2="654321")
    # Enough devices for a paginated recording (moto pages this call; it ignores MaxItems on
    # GetAccountAuthorizationDetails and Limit on KMS ListKeys).
    for index in range(1, 9):
        iam.create_virtual_mfa_device(VirtualMFADeviceName=f"unassigned-mfa-{index}")
    iam.update_account_password_policy(MinimumPasswordLength=14, RequireSymbols=True, RequireNumbers=True,
                                       RequireUppercaseCharacters=True, RequireLowercaseCharacters=True,
                                       AllowUsersToChangePassword=True, MaxPasswordAge=90, PasswordReusePrevention=24)
    body, key = self_signed_certificate()
    iam.upload_server_certificate(ServerCertificateName="fixture-cert", CertificateBody=body, PrivateKey=key)

    s3.create_bucket(Bucket="posture-logs")
    s3.create_bucket(Bucket="posture-data")
    s3.create_bucket(Bucket="posture-public")
    s3.create_bucket(Bucket="posture-eu", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    s3.put_bucket_encryption(Bucket="posture-data", ServerSideEncryptionConfiguration={"Rules": [
        {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "alias/data"},
         "BucketKeyEnabled": True}]})
    s3.put_public_access_block(Bucket="posture-data", PublicAccessBlockConfiguration={
        "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": False})
    s3.put_bucket_versioning(Bucket="posture-data", VersioningConfiguration={"Status": "Enabled"})
    s3.put_bucket_versioning(Bucket="posture-eu", VersioningConfiguration={"Status": "Suspended"})
    s3.put_bucket_tagging(Bucket="posture-data", Tagging={"TagSet": [{"Key": "env", "Value": "prod"},
                                                                      {"Key": "owner", "Value": "data & ml"}]})
    s3.put_bucket_policy(Bucket="posture-public", Policy=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Sid": "PublicRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
         "Resource": "arn:aws:s3:::posture-public/*"}]}))
    s3.put_bucket_acl(Bucket="posture-logs", GrantWrite='uri="http://acs.amazonaws.com/groups/s3/LogDelivery"',
                      GrantReadACP='uri="http://acs.amazonaws.com/groups/s3/LogDelivery"',
                      GrantFullControl=f'id="{"a" * 64}"')
    s3.put_bucket_acl(Bucket="posture-public", ACL="public-read")
    s3.put_bucket_logging(Bucket="posture-data", BucketLoggingStatus={"LoggingEnabled": {
        "TargetBucket": "posture-logs", "TargetPrefix": "data/"}})
    s3control = session.client("s3control", endpoint_url=url)
    s3control.put_public_access_block(AccountId=ACCOUNT, PublicAccessBlockConfiguration={
        "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True})

    cloudtrail = session.client("cloudtrail", endpoint_url=url)
    cloudtrail.create_trail(Name="org-trail", S3BucketName="posture-logs", IsMultiRegionTrail=True,
                            EnableLogFileValidation=True, IncludeGlobalServiceEvents=True)
    cloudtrail.start_logging(Name="org-trail")
    cloudtrail.put_event_selectors(TrailName="org-trail", EventSelectors=[
        {"ReadWriteType": "All", "IncludeManagementEvents": True,
         "DataResources": [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]}])
    cloudtrail.create_trail(Name="local-trail", S3BucketName="posture-logs")
    cloudtrail.put_event_selectors(TrailName="local-trail", AdvancedEventSelectors=[
        {"Name": "Log writes", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]},
                                                  {"Field": "readOnly", "Equals": ["false"]}]}])

    config = session.client("config", endpoint_url=url)
    config.put_configuration_recorder(ConfigurationRecorder={
        "name": "default", "roleARN": f"arn:aws:iam::{ACCOUNT}:role/role-3",
        "recordingGroup": {"allSupported": True, "includeGlobalResourceTypes": True}})
    config.put_delivery_channel(DeliveryChannel={"name": "default", "s3BucketName": "posture-logs"})
    config.start_configuration_recorder(ConfigurationRecorderName="default")

    kms = session.client("kms", endpoint_url=url)
    symmetric = kms.create_key(Description="data key", Tags=[{"TagKey": "env", "TagValue": "prod"}])["KeyMetadata"]["KeyId"]
    kms.enable_key_rotation(KeyId=symmetric)
    kms.create_alias(AliasName="alias/data", TargetKeyId=symmetric)
    unrotated = kms.create_key(Description="unrotated key")["KeyMetadata"]["KeyId"]
    asymmetric = kms.create_key(Description="signing key", KeyUsage="SIGN_VERIFY",
                                KeySpec="RSA_2048")["KeyMetadata"]["KeyId"]
    return {"keys": [symmetric, unrotated, asymmetric]}


class Recorder:
    """Runs awscli in-process and keeps every HTTP exchange of each call."""

    def __init__(self, url, output):
        self.url = url
        self.output = output
        self.counters = {}
        self.calls = []

    def run(self, service_folder, operation, argv, name=None):
        from awscli.clidriver import create_clidriver
        driver = create_clidriver()
        exchanges = []
        current = {}

        def before_parameter_build(params, **kwargs):
            # The operation's input as botocore received it (the paginator's tokens included).
            current["params"] = copy.deepcopy(params)

        def before_send(request, **kwargs):
            parts = urlsplit(request.url)
            body = request.body or b""
            if hasattr(body, "read"):
                body = body.read()
            if isinstance(body, str):
                body = body.encode()
            headers = {k.lower(): (v.decode() if isinstance(v, bytes) else v) for k, v in request.headers.items()}
            current["request"] = {
                "method": request.method,
                "path": parts.path or "/",
                "query": parts.query,
                "body": body.decode("utf-8"),
                "target": headers.get("x-amz-target"),
                "contentType": headers.get("content-type"),
            }

        def before_parse(response_dict, **kwargs):
            current["response"] = {"status": response_dict["status_code"],
                                   "headers": {k.lower(): v for k, v in response_dict["headers"].items()},
                                   "body": response_dict["body"]}

        def after_call(http_response, parsed, **kwargs):
            page = copy.deepcopy(parsed)
            metadata = page.pop("ResponseMetadata", {})
            exchanges.append(dict(current, parsed=page, requestId=metadata.get("RequestId")))
            current.clear()

        driver.session.register("before-send", strip_account_host)
        driver.session.register("before-parameter-build", before_parameter_build)
        driver.session.register("before-send", before_send)
        driver.session.register("before-parse", before_parse)
        driver.session.get_component("event_emitter").register_last("after-call", after_call)
        stdout, stderr = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = driver.main(argv + ["--endpoint-url", self.url, "--output", "json"])
        folder = os.path.join(self.output, service_folder)
        os.makedirs(folder, exist_ok=True)
        names = []
        for exchange in exchanges:
            count = self.counters.get((service_folder, operation), 0) + 1
            self.counters[(service_folder, operation)] = count
            base = f"{operation}-{count}"
            names.append(f"{service_folder}/{base}")
            response = exchange["response"]
            with open(os.path.join(folder, base + ".status"), "w") as f:
                f.write(f"{response['status']}\n")
            with open(os.path.join(folder, base + ".headers"), "w") as f:
                for key in sorted(response["headers"]):
                    f.write(f"{key}: {response['headers'][key]}\n")
            with open(os.path.join(folder, base + ".body"), "wb") as f:
                f.write(response["body"])
            write_json(os.path.join(folder, base + ".request.json"), dict(exchange["request"], params=exchange["params"]))
            if response["status"] < 300:
                write_json(os.path.join(folder, base + ".expected.json"), exchange["parsed"])
        call = {"name": name or (names[0] if names else operation), "service": service_folder, "operation": operation,
                "argv": argv, "exchanges": names}
        if code == 0:
            # The CLI prints nothing for an empty answer; the document is then {}.
            text = stdout.getvalue().strip()
            cli_name = f"{call['name']}.cli.json"
            write_json(os.path.join(self.output, cli_name), json.loads(text) if text else {})
            call["cli"] = cli_name
        else:
            error = exchanges[-1]["parsed"].get("Error", {}) if exchanges else {}
            metadata = {}
            if exchanges:
                headers = exchanges[-1]["response"]["headers"]
                # The request id botocore reports: from the body when it carries one (EC2, query).
                metadata = {"status": exchanges[-1]["response"]["status"],
                            "requestId": exchanges[-1]["requestId"] or headers.get("x-amzn-requestid")
                            or headers.get("x-amz-request-id")}
            call["error"] = dict({"code": error.get("Code"), "message": error.get("Message")}, **metadata)
            call["cliError"] = stderr.getvalue().strip()
        self.calls.append(call)
        return call

    def setup(self, argv):
        """Changes the account between recordings (not itself recorded)."""
        from awscli.clidriver import create_clidriver
        driver = create_clidriver()
        driver.session.register("before-send", strip_account_host)
        with contextlib.redirect_stdout(io.StringIO()):
            if driver.main(argv + ["--endpoint-url", self.url]) != 0:
                raise SystemExit(f"setup step failed: {argv}")

    def compress(self, call):
        """Gzips a large call's body and CLI output in place (`.gz` beside the other files)."""
        paths = [os.path.join(self.output, name + ".body") for name in call["exchanges"]]
        for name in call["exchanges"]:
            # The page document is the CLI's plus IsTruncated: the CLI output checks it enough.
            os.remove(os.path.join(self.output, name + ".expected.json"))
        paths.append(os.path.join(self.output, call["cli"]))
        for path in paths:
            if os.path.exists(path):
                with open(path, "rb") as source, open(path + ".gz", "wb") as raw:
                    # mtime 0: the same recording gives the same bytes.
                    with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as target:
                        shutil.copyfileobj(source, target)
                os.remove(path)
        call["gzip"] = True


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")


def record(url, output, seeded):
    r = Recorder(url, output)
    r.run("sts", "GetCallerIdentity", ["sts", "get-caller-identity"])
    # Without a filter moto answers with every AWS managed policy (5 MB): kept gzipped, for the
    # decoder's large-page test and its timing; the filtered call is the everyday fixture.
    full = r.run("iam", "GetAccountAuthorizationDetails", ["iam", "get-account-authorization-details"],
                 name="iam/GetAccountAuthorizationDetails-full")
    r.compress(full)
    r.run("iam", "GetAccountAuthorizationDetails", ["iam", "get-account-authorization-details", "--filter", "User",
                                                    "Role", "Group", "LocalManagedPolicy"])
    r.run("iam", "GenerateCredentialReport", ["iam", "generate-credential-report"])
    r.run("iam", "GetCredentialReport", ["iam", "get-credential-report"])
    r.run("iam", "GetAccountSummary", ["iam", "get-account-summary"])
    r.run("iam", "GetAccountPasswordPolicy", ["iam", "get-account-password-policy"])
    r.run("iam", "ListVirtualMFADevices", ["iam", "list-virtual-mfa-devices"])
    r.run("iam", "ListVirtualMFADevices", ["iam", "list-virtual-mfa-devices", "--page-size", "3"],
          name="iam/ListVirtualMFADevices-paged")
    r.run("iam", "ListServerCertificates", ["iam", "list-server-certificates"])
    r.run("s3", "ListBuckets", ["s3api", "list-buckets"])
    for bucket in ["posture-data", "posture-logs", "posture-public", "posture-eu"]:
        for op, cmd in [("GetBucketLocation", "get-bucket-location"), ("GetBucketEncryption", "get-bucket-encryption"),
                        ("GetPublicAccessBlock", "get-public-access-block"), ("GetBucketPolicy", "get-bucket-policy"),
                        ("GetBucketPolicyStatus", "get-bucket-policy-status"), ("GetBucketAcl", "get-bucket-acl"),
                        ("GetBucketLogging", "get-bucket-logging"), ("GetBucketVersioning", "get-bucket-versioning"),
                        ("GetBucketTagging", "get-bucket-tagging")]:
            r.run("s3", op, ["s3api", cmd, "--bucket", bucket])
    r.run("s3", "GetBucketAcl", ["s3api", "get-bucket-acl", "--bucket", "no-such-bucket"])
    r.run("s3control", "GetPublicAccessBlock", ["s3control", "get-public-access-block", "--account-id", ACCOUNT])
    r.run("cloudtrail", "DescribeTrails", ["cloudtrail", "describe-trails", "--no-include-shadow-trails"])
    r.run("cloudtrail", "DescribeTrails", ["cloudtrail", "describe-trails", "--trail-name-list", "org-trail", "local-trail"])
    for trail in ["org-trail", "local-trail", "missing-trail"]:
        r.run("cloudtrail", "GetTrailStatus", ["cloudtrail", "get-trail-status", "--name", trail])
        r.run("cloudtrail", "GetEventSelectors", ["cloudtrail", "get-event-selectors", "--trail-name", trail])
    r.run("configservice", "DescribeConfigurationRecorders", ["configservice", "describe-configuration-recorders"])
    r.run("configservice", "DescribeConfigurationRecorderStatus", ["configservice", "describe-configuration-recorder-status"])
    r.run("kms", "ListKeys", ["kms", "list-keys"])
    for key in seeded["keys"]:
        r.run("kms", "DescribeKey", ["kms", "describe-key", "--key-id", key])
        r.run("kms", "GetKeyRotationStatus", ["kms", "get-key-rotation-status", "--key-id", key])
    r.run("kms", "DescribeKey", ["kms", "describe-key", "--key-id", "00000000-0000-0000-0000-000000000000"])
    r.run("accessanalyzer", "ListAnalyzers", ["accessanalyzer", "list-analyzers"])
    r.run("ec2", "DescribeRegions", ["ec2", "describe-regions"])
    r.run("ec2", "DescribeRegions", ["ec2", "describe-regions", "--all-regions", "--region-names", "eu-west-1", "us-east-1"])
    r.run("ec2", "DescribeInstances", ["ec2", "describe-instances", "--instance-ids", "i-00000000000000000"])
    r.run("configservice", "DescribeConfigurationRecorders",
          ["configservice", "describe-configuration-recorders", "--configuration-recorder-names", "missing"])
    # Error answers per protocol.
    r.run("iam", "GetUser", ["iam", "get-user", "--user-name", "nobody"])
    r.setup(["iam", "delete-account-password-policy"])
    r.run("iam", "GetAccountPasswordPolicy", ["iam", "get-account-password-policy"], name="iam/GetAccountPasswordPolicy-absent")
    r.setup(["s3control", "delete-public-access-block", "--account-id", ACCOUNT])
    r.run("s3control", "GetPublicAccessBlock", ["s3control", "get-public-access-block", "--account-id", ACCOUNT])
    return r.calls


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Tests/ProviderAWSTests/Wire/Fixtures")
    os.environ.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION="us-east-1",
                      AWS_CONFIG_FILE="/dev/null", AWS_SHARED_CREDENTIALS_FILE="/dev/null",
                      AWS_DISABLE_HOST_PREFIX_INJECTION="true", AWS_PAGER="",
                      AWS_MAX_ATTEMPTS="1", AWS_RETRY_MODE="standard")
    os.environ.pop("AWS_PROFILE", None)
    shutil.rmtree(output, ignore_errors=True)
    os.makedirs(output)
    process, url = start_moto(free_port())
    try:
        seeded = seed(url)
        calls = record(url, output, seeded)
    finally:
        process.terminate()
        process.wait()
    import botocore
    import awscli
    write_json(os.path.join(output, "index.json"), {"botocore": botocore.__version__, "awscli": awscli.__version__,
                                                    "calls": calls})
    print(f"{len(calls)} calls recorded in {output}")


if __name__ == "__main__":
    main()
