package org.unionstats.letters.delivery;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.unionstats.letters.text.Quarters;

/** Sends one county's letter PDF by SMTP (Jakarta Mail), a plain-text note in the body. */
public final class LetterMailer {

    private final DeliveryConfig.Smtp smtp;
    private final Optional<String> password;
    private final Session session;

    public LetterMailer(DeliveryConfig.Smtp smtp, Optional<String> password) {
        this.smtp = smtp;
        this.password = password;
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", String.valueOf(smtp.port()));
        props.put("mail.smtp.auth", String.valueOf(password.isPresent()));
        props.put("mail.smtp.starttls.enable", String.valueOf(smtp.tls()));
        props.put("mail.smtp.starttls.required", String.valueOf(smtp.tls()));
        props.put("mail.smtp.connectiontimeout", "30000");
        props.put("mail.smtp.timeout", "60000");
        this.session = Session.getInstance(props);
    }

    /** 秦皇岛市总工会2024年第三季度工作指导意见（致海港区总工会） */
    public static String subject(String cityName, String countyName, String quarter) {
        return cityName + "总工会" + Quarters.label(quarter) + "工作指导意见（致" + countyName + "总工会）";
    }

    static String body(String cityName, String countyName, String quarter) {
        return countyName + "总工会：\n\n"
                + "现将" + cityName + "总工会关于" + countyName + "总工会" + Quarters.label(quarter) + "工作的指导意见发送给你们（见附件 PDF），"
                + "请认真研究落实，并按要求反馈落实情况。\n\n"
                + cityName + "总工会\n";
    }

    public void send(String cityName, String countyName, String quarter, Path pdf, List<String> to, List<String> cc) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(smtp.sender()));
        for (String address : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
        }
        for (String address : cc) {
            message.addRecipient(Message.RecipientType.CC, new InternetAddress(address));
        }
        message.setSubject(subject(cityName, countyName, quarter), StandardCharsets.UTF_8.name());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body(cityName, countyName, quarter), StandardCharsets.UTF_8.name());
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new FileDataSource(pdf.toFile())));
        attachment.setFileName(pdf.getFileName().toString());
        attachment.setHeader("Content-Type", "application/pdf");
        message.setContent(new MimeMultipart(text, attachment));
        if (password.isPresent()) {
            Transport.send(message, smtp.username(), password.get());
        } else {
            Transport.send(message);
        }
    }
}
